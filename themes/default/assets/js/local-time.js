// Shows office-hours times in the reader's own time zone.
