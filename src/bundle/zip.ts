// The zip reader and writer live in util/ (loaders read workbooks with them too); the bundle's name for them.
export * from '../util/zip.js';
