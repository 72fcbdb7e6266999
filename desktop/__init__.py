"""BMN Field Desk: review, correct, monitor and certify Thai BMN (จปฐ.) survey data offline."""

__version__ = "0.1.0"
APP_NAME = "BMN Field Desk"
APP_ID = "bmn-field-desk"
