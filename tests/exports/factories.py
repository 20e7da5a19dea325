from datetime import timedelta

from django.utils import timezone

from netw.exports import services
from netw.exports.models import Export


def finished_export(user, *, list_name="partners", format="csv", content=b"a,b\r\n1,2\r\n",
                    **kwargs) -> Export:
    export = Export.objects.create(
        requested_by=user, list_name=list_name, format=format, status=Export.Status.DONE,
        fingerprint=f"test-{timezone.now().timestamp()}", row_count=1, progress=100,
        finished_at=timezone.now(), expires_at=timezone.now() + timedelta(days=7), **kwargs)
    export.file_name = f"{export.pk}-test.{format}"
    export.save(update_fields=["file_name"])
    services.file_path(export.file_name).write_bytes(content)
    return export
