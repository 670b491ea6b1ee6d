"""The fee of a filing (FIL-7): the court fee by kind and claim value, plus the chosen
office's service tariff. Both are data with effective dates (`CourtFeeRule`,
`ServiceTariff`), edited in the admin; amounts are whole rials as `Decimal`.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from core.exceptions import Conflict
from filings.models import CourtFeeRule, ServiceTariff

RIAL = Decimal("1")


@dataclass(frozen=True)
class Fee:
    court_fee: Decimal
    service_fee: Decimal
    court_rule: CourtFeeRule
    tariff: ServiceTariff

    @property
    def total(self) -> Decimal:
        return self.court_fee + self.service_fee


def _in_force(on: date) -> Q:
    return Q(effective_from__lte=on) & (
        Q(effective_until__isnull=True) | Q(effective_until__gte=on)
    )


def court_fee(kind: str, claim_value: Decimal | None, on: date) -> tuple[Decimal, CourtFeeRule]:
    claim = Decimal(claim_value or 0)
    rule = (
        CourtFeeRule.objects.filter(_in_force(on), kind=kind, min_claim__lte=claim)
        .filter(Q(max_claim__isnull=True) | Q(max_claim__gte=claim))
        .order_by("-min_claim", "-effective_from")
        .first()
    )
    if rule is None:
        raise Conflict(_("No court fee is set for this kind of filing."), code="no_fee_rule")
    amount = rule.fixed_amount + (claim * rule.rate_percent / Decimal(100))
    return amount.quantize(RIAL, rounding=ROUND_HALF_UP), rule


def service_fee(kind: str, office, on: date) -> tuple[Decimal, ServiceTariff]:
    candidates = ServiceTariff.objects.filter(
        _in_force(on),
        Q(office=office) | Q(office__isnull=True),
        Q(kind=kind) | Q(kind=""),
    )
    best = None
    for tariff in candidates:
        rank = (tariff.office_id is not None, tariff.kind != "", tariff.effective_from)
        if best is None or rank > best[0]:
            best = (rank, tariff)
    if best is None:
        raise Conflict(_("No service tariff is set for this office."), code="no_tariff")
    return best[1].amount.quantize(RIAL, rounding=ROUND_HALF_UP), best[1]


def compute(*, kind: str, claim_value, office, on: date) -> Fee:
    court, rule = court_fee(kind, claim_value, on)
    service, tariff = service_fee(kind, office, on)
    return Fee(court_fee=court, service_fee=service, court_rule=rule, tariff=tariff)
