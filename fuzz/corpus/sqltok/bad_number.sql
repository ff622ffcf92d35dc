SELECT 12abc, 0x, 1e;
