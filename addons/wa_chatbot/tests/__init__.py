from . import test_tools
from . import test_models
from . import test_webhook
from . import test_dispatch
