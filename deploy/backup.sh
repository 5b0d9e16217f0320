#!/usr/bin/env bash
# The nightly backup (attachment-backup.timer): a pg_dump of the site's database in the
# custom format (compressed, restorable table by table), keeping the newest BACKUP_KEEP.
#
#   BACKUP_DIR   where dumps go (default /var/backups/attachment)
#   BACKUP_KEEP  how many to keep (default 30: the dumps hold personal data, and none may
#                outlive PERSONAL_DATA_RETENTION_DAYS, or a restore would bring back what
#                purge_personal_data deleted)
#
# Restore into a new, empty database, never over the live one (README: Backups).
set -euo pipefail

BACKUP_DIR=${BACKUP_DIR:-/var/backups/attachment}
BACKUP_KEEP=${BACKUP_KEEP:-30}
: "${DATABASE_URL:?DATABASE_URL is not set (the env file has it)}"
case $DATABASE_URL in
    postgres://* | postgresql://*) ;;
    *) echo "backup.sh backs up PostgreSQL only, not ${DATABASE_URL%%:*}" >&2; exit 1 ;;
esac

umask 077
target="$BACKUP_DIR/attachment-$(date -u +%Y-%m-%dT%H%M%SZ).dump"
# Written under a temporary name first: a dump cut short never counts as a backup.
pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$target.partial"
mv "$target.partial" "$target"
echo "Backed up to $target ($(du -h "$target" | cut -f1))"

# The newest BACKUP_KEEP dumps stay; older ones go. Names sort by date.
mapfile -t dumps < <(find "$BACKUP_DIR" -maxdepth 1 -name 'attachment-*.dump' | sort -r)
for old in "${dumps[@]:BACKUP_KEEP}"; do
    rm -f -- "$old"
    echo "Removed $old"
done
