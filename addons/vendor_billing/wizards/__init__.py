from . import visit_import_wizard
