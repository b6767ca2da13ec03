import react from '@genhub/eslint-config/react';

export default react;
