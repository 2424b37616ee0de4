module.exports = {
  displayName: 'mongo',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/libs/mongo',
};
