module.exports = {
  displayName: 'token',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/token',
};
