module.exports = {
  displayName: 'messaging',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/libs/messaging',
};
