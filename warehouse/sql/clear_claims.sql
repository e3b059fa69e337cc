-- Claims are rebuilt as a whole: emptied first, in the transaction that loads the new ones.
DELETE FROM claim_figures;
DELETE FROM claims;
