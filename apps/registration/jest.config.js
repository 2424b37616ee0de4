module.exports = {
  displayName: 'registration',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/registration',
};
