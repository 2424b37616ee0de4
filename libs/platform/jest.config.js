module.exports = {
  displayName: 'platform',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/libs/platform',
};
