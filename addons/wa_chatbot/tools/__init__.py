# Pure functions of the chatbot: no Odoo imports here, so that they are
# tested without a database and survive a port to a newer Odoo series.
