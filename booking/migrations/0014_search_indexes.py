"""On PostgreSQL: the admin's searches of consults and of the outbox read indexes
(core/search_indexes.py says how).

An email is searched from its start ("^email", "^to" in the admin): a btree answers that
in a few pages at any size, where a trigram index read posting lists that grow with the
table (3 ms for consults, 7 ms for the outbox at 100,000 consults). The trigram index
0012 made on emails is dropped. The outbox's subject is searched anywhere in its text.
"""

from __future__ import annotations

from django.db import migrations

from core.search_indexes import prefix_indexes, search_indexes

emails_anywhere = search_indexes("booking_booking", ("email",), "booking")  # 0012's


class Migration(migrations.Migration):
    dependencies = [("booking", "0013_reminder_rule_in_place")]

    operations = [
        migrations.RunPython(emails_anywhere.reverse_code, emails_anywhere.code),
        prefix_indexes("booking_booking", ("email",), "booking"),
        search_indexes("booking_outgoingemail", ("subject",), "booking_outbox"),
        prefix_indexes("booking_outgoingemail", ("to",), "booking_outbox"),
    ]
