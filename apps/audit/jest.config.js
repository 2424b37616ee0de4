module.exports = {
  displayName: 'audit',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/apps/audit',
};
