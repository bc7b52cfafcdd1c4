from typing import Any

from django.apps import AppConfig


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = "Annotations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.core import checks
        from django.db.models.signals import post_delete, post_save
        from rest_framework.authtoken.models import Token
        from simple_history.signals import pre_create_historical_record

        from annotations.claims.checks import embedding_model_check
        from annotations.workspaces import credentials
        from annotations.workspaces.models import Membership, Workspace

        checks.register(embedding_model_check)
        pre_create_historical_record.connect(record_history_context)
        for signal in (post_save, post_delete):
            signal.connect(credentials.on_token_change, sender=Token)
            signal.connect(credentials.on_user_change, sender=get_user_model())
            signal.connect(credentials.on_membership_change, sender=Membership)
            signal.connect(credentials.on_workspace_change, sender=Workspace)


def record_history_context(
    sender: Any, instance: Any, history_instance: Any, **kwargs: Any
) -> None:
    """Stamp each history record with the request that made it and the row's workspace."""
    from annotations.history.entries import history_context

    for field, value in history_context(instance.workspace_id).items():
        setattr(history_instance, field, value)
