module.exports = {
  displayName: 'testing',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/libs/testing',
};
