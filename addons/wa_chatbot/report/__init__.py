from . import wa_interaction_xlsx
