module.exports = {
  displayName: 'registration',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/apps/registration',
};
