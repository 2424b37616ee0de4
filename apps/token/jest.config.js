module.exports = {
  displayName: 'token',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/apps/token',
};
