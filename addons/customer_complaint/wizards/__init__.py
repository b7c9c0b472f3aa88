from . import complaint_outage_close
from . import complaint_customer_import
from . import complaint_recap_dashboard
