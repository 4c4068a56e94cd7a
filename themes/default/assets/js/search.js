// Search as you type over the chunked index.
