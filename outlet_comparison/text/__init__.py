"""Stage 1, text units: words, sentences and paragraphs (``units``) and who is named (``names``)."""
