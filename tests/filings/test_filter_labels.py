"""The search form of "my filings" is labelled in the reader's language, whatever language
the process served first (django-filter keeps a label it derives)."""

import pytest
from django.utils import translation

from filings.filters import FilingFilter
from filings.models import Filing


@pytest.mark.rule("CMS-5")
def test_the_filing_search_labels_follow_the_readers_language(db):
    with translation.override("en"):
        english = [str(f.label) for f in FilingFilter(queryset=Filing.objects.none()).form]
    with translation.override("fa"):
        persian = [str(f.label) for f in FilingFilter(queryset=Filing.objects.none()).form]
    assert english[:4] == ["Status", "Kind", "Court", "Office"]
    assert persian[:4] == ["وضعیت", "نوع", "مرجع قضایی", "دفتر"]
