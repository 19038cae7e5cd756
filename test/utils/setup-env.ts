// Runs in every test file before anything else is imported.
import 'reflect-metadata';

process.env.NODE_ENV = 'test';
