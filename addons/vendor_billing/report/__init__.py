from . import report_monthly_xlsx
