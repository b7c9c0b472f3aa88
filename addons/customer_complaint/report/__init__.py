from . import complaint_recap_xlsx
