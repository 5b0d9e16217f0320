from __future__ import annotations

from django.db import models


class RateCount(models.Model):
    """How often one (hashed) visitor did one thing in one time window.

    Kept in the database rather than the cache: a cache full of pages may push a counter
    out (and with it the limit), a database row stays until its window is over. Rows are
    counted with one atomic upsert (core.ratelimit), so parallel requests cannot slip past.
    """

    key = models.CharField(max_length=100)
    window_start = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "rate-limit count"
        verbose_name_plural = "rate-limit counts"
        constraints = [
            models.UniqueConstraint(
                fields=["key", "window_start"], name="core_ratecount_one_per_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key[:12]}… × {self.count}"
