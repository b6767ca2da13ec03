import base from '@genhub/eslint-config/base';

export default base;
