-- A statement's own refusal (issue 16): an order placed in one statement on PostgreSQL (no BEGIN, no
-- COMMIT: autocommit makes it one transaction) cannot roll itself back when it finds the cart ordered,
-- the checkout key used or too little stock. It calls this instead, and the error undoes everything the
-- statement wrote; the application reads the reason after "brilliant refused: " in the error's message.
CREATE FUNCTION brilliant_refuse(reason TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'brilliant refused: %', reason USING ERRCODE = 'P0001';
END
$$;
