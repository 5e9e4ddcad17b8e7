-- Sites made by earlier releases created the unaccent extension in their own schema, the
-- first on the search path. An extension belongs to the whole database: the other sites
-- sharing it could not find it, and dropping this site's schema would take their search
-- with it. Move it to public, where new sites put it. Text search configurations name the
-- dictionary by its id, so this site's search is unchanged. Moving needs the extension's
-- owner; anyone else leaves it where it is (the other sites still work, by its schema).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                WHERE e.extname = 'unaccent' AND n.nspname = current_schema()
                  AND n.nspname <> 'public')
       AND EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public')
    THEN
        BEGIN
            ALTER EXTENSION unaccent SET SCHEMA public;
        EXCEPTION WHEN insufficient_privilege OR duplicate_function OR duplicate_object THEN
            RAISE NOTICE 'unaccent stays in schema %: %', current_schema(), SQLERRM;
        END;
    END IF;
END $$;
