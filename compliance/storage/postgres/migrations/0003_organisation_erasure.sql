-- Erasing an organisation (the web app's duty to erase on request): its API keys go with it.
ALTER TABLE api_keys DROP CONSTRAINT api_keys_organisation_fkey;
ALTER TABLE api_keys
    ADD CONSTRAINT api_keys_organisation_fkey FOREIGN KEY (organisation) REFERENCES organisations (id)
    ON DELETE CASCADE;
