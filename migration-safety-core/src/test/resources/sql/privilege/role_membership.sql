-- Without ON, GRANT and REVOKE move role membership.
GRANT admin TO alice;
GRANT readers, "Writers" TO bob, carol WITH ADMIN OPTION GRANTED BY postgres;
GRANT admin TO dave WITH ADMIN TRUE;
GRANT admin TO dave WITH ADMIN FALSE;
REVOKE admin FROM alice;
REVOKE ADMIN OPTION FOR admin FROM bob CASCADE;
GRANT admin TO erin WITH INHERIT FALSE;
REVOKE SET OPTION FOR admin FROM erin;
GRANT SELECT TO alice;
GRANT "Readers" (a) TO bob;
GRANT FLY ON t TO bob;
