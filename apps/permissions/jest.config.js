module.exports = {
  displayName: 'permissions',
  preset: '../../tools/jest/jest.preset.js',
  coverageDirectory: '../../coverage/apps/permissions',
};
