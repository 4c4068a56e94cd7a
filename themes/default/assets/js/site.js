// Theme behaviour: colour scheme toggle, mobile menu, changelog filter.
