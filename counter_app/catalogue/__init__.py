# Checklist: adding a field to service items (or to materials / form fields)
#  1. Add the attribute to its frozen dataclass in ``model.py``, with a default if older documents lack it.
#  2. Read and validate it in the matching ``_parse_*`` of ``document.py`` (pass ``default=`` if
#     optional); errors name the dotted path, e.g. ``items[3].materials[1].copies``.
#  3. Write it in the matching ``_*_to_dict`` so ``parse_catalogue(catalogue_to_dict(c)) == c``
#     (every catalogue ETag changes, as it should: clients fetch the catalogue again).
#  4. Add a malformed case to ``tests/core/test_catalogue.py``; fill it in ``resources/catalogue/demo.json``.
#  5. If the UI shows it, add its label to ``resources/i18n``; if central stores it apart, migrate central.
# Adding a form-field type: FIELD_TYPES (and ``RANGE_TYPES`` / ``TEXT_TYPES`` if min/max or
# max_length/pattern apply) in ``model.py``, ``_clean_value`` in ``forms.py``, then the form widget in ``ui``.
"""The service catalogue (政务服务事项目录) after GB/T 39046-2020, and the checks on its item forms.

Three modules, one job each; import from the package:

* :mod:`~counter_app.catalogue.model`: code tables, the frozen dataclasses, the ``Catalogue``
  (lookups, search, ETag) and ``check_successor``;
* :mod:`~counter_app.catalogue.document`: the JSON document, parsed with errors naming the field
  (``parse_catalogue``, ``load_catalogue``) and written back (``catalogue_to_dict``,
  ``canonical_document``);
* :mod:`~counter_app.catalogue.forms`: cleaning an applicant's values for an item's form
  (``validate_form``, ``validate_form_all``, ``clean_field``).
"""

from __future__ import annotations

from counter_app.catalogue.document import (
    DEMO_CATALOGUE_PATH,
    IMPLEMENTATION_CODE_RE,
    canonical_document,
    catalogue_to_dict,
    load_catalogue,
    load_demo_catalogue,
    parse_catalogue,
)
from counter_app.catalogue.forms import clean_field, validate_form, validate_form_all
from counter_app.catalogue.model import (
    CASE_TYPES,
    FIELD_TYPES,
    ITEM_TYPES,
    LEVELS,
    RANGE_TYPES,
    SERVICE_OBJECTS,
    STATUSES,
    TEXT_TYPES,
    TIME_UNITS,
    Catalogue,
    Choice,
    FeeInfo,
    FormField,
    Material,
    ServiceItem,
    TimeLimit,
    check_successor,
)

__all__ = [
    "CASE_TYPES",
    "DEMO_CATALOGUE_PATH",
    "FIELD_TYPES",
    "IMPLEMENTATION_CODE_RE",
    "ITEM_TYPES",
    "LEVELS",
    "RANGE_TYPES",
    "SERVICE_OBJECTS",
    "STATUSES",
    "TEXT_TYPES",
    "TIME_UNITS",
    "Catalogue",
    "Choice",
    "FeeInfo",
    "FormField",
    "Material",
    "ServiceItem",
    "TimeLimit",
    "canonical_document",
    "catalogue_to_dict",
    "check_successor",
    "clean_field",
    "load_catalogue",
    "load_demo_catalogue",
    "parse_catalogue",
    "validate_form",
    "validate_form_all",
]
