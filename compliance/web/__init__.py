"""The web app: server-rendered pages for founders, organisation admins and CNDP liaisons."""
