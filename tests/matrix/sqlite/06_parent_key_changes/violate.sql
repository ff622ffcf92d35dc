UPDATE p SET code = 'zz' WHERE id = 2;
