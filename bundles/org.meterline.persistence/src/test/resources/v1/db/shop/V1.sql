-- create the item table
CREATE TABLE SHOP_ITEM (
  ID BIGINT NOT NULL PRIMARY KEY,
  NAME VARCHAR(100) NOT NULL
);
INSERT INTO SHOP_ITEM (ID, NAME) VALUES (1, 'first; with a semicolon inside');
