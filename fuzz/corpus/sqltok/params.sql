SELECT ?, ?1, :name, @at, $dollar, $tcl::ns, $arr(idx), #hash FROM t WHERE x = ?12;
