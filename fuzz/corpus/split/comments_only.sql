-- only
/* comments */
