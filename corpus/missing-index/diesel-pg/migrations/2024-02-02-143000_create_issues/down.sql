DROP TABLE comments;
DROP TABLE issues;
