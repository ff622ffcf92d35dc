BEMI$C
  SELECT 1;  SELECÚ;
  SE;
tžS|mt