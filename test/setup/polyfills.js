// @airtable/blocks-testing requires regenerator-runtime without declaring it as a dependency.
require('regenerator-runtime/runtime');
