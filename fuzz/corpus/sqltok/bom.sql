CREATE TABLE bom (x);
