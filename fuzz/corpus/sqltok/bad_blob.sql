SELECT X'ABC', x'zz';
