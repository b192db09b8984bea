"""Opening an office profile: the composition of store, keys and use cases.

``Counter.open(data_dir)`` is what the desktop app, the command line, the sync engine and the tests
call. Opening a new directory creates the profile (schema, install id, data key, local receipt
prefix, the bundled demo catalogue); opening an existing one migrates it and checks its key.
"""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from pathlib import Path

from counter_app.catalogue import load_catalogue
from counter_app.clock import Clock, SystemClock
from counter_app.crypto import FieldCipher, new_master_key
from counter_app.errors import SecretsUnavailable
from counter_app.paths import DataPaths
from counter_app.receipts import new_local_prefix
from counter_app.resources import demo_catalogue_path
from counter_app.secrets import Secrets
from counter_app.services.accounts import AccountService
from counter_app.services.admin import AdminService
from counter_app.services.applicants import ApplicantService
from counter_app.services.audit_trail import AuditTrailService
from counter_app.services.backups import BackupService
from counter_app.services.cases import CaseService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.checklist import SetupChecklist
from counter_app.services.conflicts import ConflictService
from counter_app.services.context import Context
from counter_app.services.dashboard import DashboardService
from counter_app.services.enrollment import EnrollmentService
from counter_app.services.export import ExportService
from counter_app.services.intake import IntakeService
from counter_app.services.keys import KeyService
from counter_app.services.lifecycle import Steps
from counter_app.services.notices import NoticeService
from counter_app.services.office_settings import OfficeSettingsService
from counter_app.services.queries import QueryService
from counter_app.services.ratings import RatingService
from counter_app.services.retention import RetentionService
from counter_app.services.sync_exchange import SyncExchange
from counter_app.services.sync_log import SyncLogService
from counter_app.store.db import Store
from counter_app.store.migrations import LATEST_VERSION, migrate
from counter_app.store.settings import SettingsRepo

DATA_KEY = "data_key"
_KEY_CHECK_INPUT = "counter key check"


@dataclass
class Counter:
    ctx: Context
    accounts: AccountService
    applicants: ApplicantService
    intake: IntakeService
    cases: CaseService
    ratings: RatingService
    catalogue: CatalogueService
    admin: AdminService
    queries: QueryService
    notices: NoticeService
    dashboard: DashboardService
    audit_trail: AuditTrailService
    # administration (the Admin page)
    backups: BackupService
    retention: RetentionService
    office_settings: OfficeSettingsService
    exports: ExportService
    keys: KeyService
    checklist: SetupChecklist
    # the local side of sync (sync/engine.py drives them)
    enrollment: EnrollmentService
    exchange: SyncExchange
    conflicts: ConflictService
    sync_log: SyncLogService

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        *,
        clock: Clock | None = None,
        config_dir: Path | None = None,
        catalogue_path: Path | None = None,
    ) -> Counter:
        """Open (or create) a profile. Call on the thread that will use it."""
        paths = DataPaths.resolve(data_dir).ensure()
        # What a damaged database's message offers: the copies taken before a migration or a restore,
        # and the encrypted backups in the default folder (the daily ones; a folder chosen elsewhere is
        # named in the damaged database's settings, which cannot be read then).
        backups = sorted(str(p) for p in [*paths.backups.glob("*.db"), *paths.backups.rglob("*.cbk")])
        store = Store(paths.database, backups=backups, max_version=LATEST_VERSION)
        try:
            migrate(store, paths.backups)
            secrets, cipher, created = _open_keys(store, config_dir)
            ctx = Context(
                store=store, cipher=cipher, clock=clock or SystemClock(), paths=paths, secrets=secrets
            )
            counter = cls.compose(ctx)
            if created:
                with store.transaction():
                    ctx.audit(
                        "system",
                        "profile.create",
                        outcome="success",
                        secrets=secrets.backend,
                        secure=secrets.status().secure,
                    )
            if ctx.catalogues.active() is None:
                catalogue = load_catalogue(catalogue_path or demo_catalogue_path())
                counter.catalogue.install_parsed("system", catalogue)
        except BaseException:
            store.close()
            raise
        return counter

    @classmethod
    def compose(cls, ctx: Context) -> Counter:
        catalogue = CatalogueService(ctx)
        steps = Steps(ctx, catalogue)
        intake = IntakeService(ctx, steps)
        return cls(
            ctx=ctx,
            accounts=AccountService(ctx),
            applicants=ApplicantService(ctx),
            intake=intake,
            cases=CaseService(ctx, steps, intake),
            ratings=RatingService(ctx, steps),
            catalogue=catalogue,
            admin=AdminService(ctx),
            queries=QueryService(ctx),
            notices=NoticeService(ctx, catalogue),
            dashboard=DashboardService(ctx, catalogue),
            audit_trail=AuditTrailService(ctx),
            backups=BackupService(ctx),
            retention=RetentionService(ctx),
            office_settings=OfficeSettingsService(ctx),
            exports=ExportService(ctx),
            keys=KeyService(ctx),
            checklist=SetupChecklist(ctx),
            enrollment=EnrollmentService(ctx),
            exchange=SyncExchange(ctx, catalogue),
            conflicts=ConflictService(ctx),
            sync_log=SyncLogService(ctx),
        )

    @property
    def data_dir(self) -> Path:
        """The profile's data directory."""
        return self.ctx.paths.root

    def close(self) -> None:
        self.ctx.store.close()

    def __enter__(self) -> Counter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_keys(store: Store, config_dir: Path | None) -> tuple[Secrets, FieldCipher, bool]:
    settings = SettingsRepo(store)
    install_id = settings.get("install_id")
    if install_id is None:
        # A new profile: choose where secrets live (keyring, or the visible fallback) and make the key.
        install_id = str(uuid.uuid4())
        secrets = Secrets(install_id, config_dir=config_dir)
        master = new_master_key()
        secrets.set_bytes(DATA_KEY, master)
        cipher = FieldCipher(master)
        with store.transaction():
            settings.set("install_id", install_id)
            settings.set("secrets_backend", secrets.backend)
            settings.set("key_check", cipher.blind_index(_KEY_CHECK_INPUT, "key_check"))
            settings.set("receipt_prefix", new_local_prefix())
        return secrets, cipher, True
    secrets = Secrets(install_id, settings.get("secrets_backend"), config_dir=config_dir)
    master = secrets.get_bytes(DATA_KEY)
    if master is None:
        raise SecretsUnavailable(
            f"the data key of profile {install_id} is not in the {secrets.status().describe()}; "
            "restore the key (or the keyring) this profile was created with"
        )
    cipher = FieldCipher(master)
    expected = settings.get("key_check") or ""
    if not hmac.compare_digest(expected, cipher.blind_index(_KEY_CHECK_INPUT, "key_check") or ""):
        raise SecretsUnavailable("the data key found does not belong to this profile")
    return secrets, cipher, False
