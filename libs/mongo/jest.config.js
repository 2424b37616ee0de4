module.exports = {
  displayName: 'mongo',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/mongo',
};
