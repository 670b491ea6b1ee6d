"""The regulator's figures (RPT-1 … RPT-3).

- `Tally`: one figure's count for one office, day and key (a filing kind, a status, a reason,
  a grade …), so a dashboard sums a few thousand rows instead of scanning the records. Court
  notices belong to no office: their tallies have no office and only the GD's scope sees them.
- `StaleDay`: an (office, day) whose tallies a change of a record made stale; saved in the
  record's own transaction and refreshed by the `reports.refresh_tallies` sweep.
- `MonthlyReport`: an office's monthly performance report (RPT-3), one per Jalali month.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tally(models.Model):
    figure = models.CharField(max_length=32)
    key = models.CharField(max_length=32, blank=True)
    day = models.DateField()
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey(
        "offices.Province", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    value = models.BigIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["day", "figure"]),
            models.Index(fields=["province", "day"]),
            models.Index(fields=["office", "day"]),
        ]

    def __str__(self):
        return f"{self.figure}/{self.key} {self.day} office={self.office_id}: {self.value}"


class StaleDay(models.Model):
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()

    def __str__(self):
        return f"{self.office_id} {self.day}"


def report_path(instance, filename):
    return f"reports/monthly/{instance.year}/{instance.month:02d}/{filename}"


class MonthlyReport(models.Model):
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    pdf = models.FileField(upload_to=report_path)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("monthly office report")
        verbose_name_plural = _("monthly office reports")
        ordering = ["-year", "-month", "office_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "month"], name="reports_one_report_per_month"
            )
        ]

    def __str__(self):
        return f"{self.office_id} {self.year}-{self.month:02d}"


class MonthlyRun(models.Model):
    """The jobs of one month's reports were enqueued (once, by the first sweep of the month)."""

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="reports_one_run_per_month")
        ]

    def __str__(self):
        return f"{self.year}-{self.month:02d}"
