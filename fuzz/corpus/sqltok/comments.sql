-- leading comment
CREATE /* inline */ TABLE c ( -- why
  x INT /* multi
 line */, y TEXT)
/* trailing comment without end